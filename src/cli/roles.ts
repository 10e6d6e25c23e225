// How the bundled command knows what it runs as, without loading a module to ask (node:worker_threads
// costs ~5 ms of a start that is otherwise close to Node's own).

/** The argument the account CLI starts each of its refiner threads with. */
export const REFINER_THREAD = '--refiner-thread';

/** Set in the environment of the single-policy CLI's child: it serves a job instead of reading flags. */
export const JOB_ROLE = 'REFINE_CLI_ROLE';
