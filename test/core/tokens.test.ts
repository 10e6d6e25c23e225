import { describe, expect, it } from 'vitest';
import { tokenize } from '../../src/core';

describe('tokens', () => {
  it.each([
    ['GetBucketPolicy', ['Get', 'Bucket', 'Policy']],
    ['GetBucketCORS', ['Get', 'Bucket', 'CORS']],
    ['DescribeDBInstances', ['Describe', 'DB', 'Instances']],
    [
      'AssociateViaAWSService-EventsAndStates',
      ['Associate', 'Via', 'AWS', 'Service', '-', 'Events', 'And', 'States'],
    ],
    ['GetS3AccessPoint', ['Get', 'S3', 'Access', 'Point']],
    ['CreateRoute53Zone', ['Create', 'Route53', 'Zone']],
    ['ListSSHPublicKeys', ['List', 'SSH', 'Public', 'Keys']],
    ['getobject', ['getobject']],
    ['Ec2Thing', ['Ec2', 'Thing']],
  ])('%s', (name, tokens) => {
    expect(tokenize(name)).toEqual(tokens);
    expect(tokenize(name).join('')).toBe(name);
  });
});
