// How the bundled command knows it runs as one of the account CLI's refiner threads: the pool starts
// each with this argument, so the entry need not load node:worker_threads (~5 ms) to ask.
export const REFINER_THREAD = '--refiner-thread';
