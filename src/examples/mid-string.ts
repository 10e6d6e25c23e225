import type { Example } from './example';

export const midStringExample: Example = {
  id: 'mid-string',
  title: 'A wildcard in the middle: ec2:*Instances',
  teaches:
    'A pattern that is not a prefix matches actions scattered across the trie, so no trie node holds only what it allowed: the kept actions are written out exactly.',
  policy: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ManageInstances",
      "Effect": "Allow",
      "Action": ["ec2:*Instances", "ec2:Describe*Attribute"],
      "Resource": "*",
      "Condition": { "StringEquals": { "aws:RequestedRegion": "eu-west-1" } }
    }
  ]
}
`,
  unused: `ec2:TerminateInstances
ec2:RebootInstances
ec2:DescribeImageAttribute
`,
};
