import type { Example } from './example';

export const notActionExample: Example = {
  id: 'not-action',
  title: 'NotAction: allow everything but IAM',
  teaches:
    'A NotAction statement already allows almost everything: the unused actions it allows are added to its NotAction list, compressed into the largest all-unused trie nodes.',
  policy: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "EverythingButIam",
      "Effect": "Allow",
      "NotAction": ["iam:*", "organizations:*"],
      "Resource": "*"
    },
    {
      "Sid": "NeverLeaveTheOrganization",
      "Effect": "Deny",
      "Action": "organizations:LeaveOrganization",
      "Resource": "*"
    }
  ]
}
`,
  unused: `[
  { "serviceNamespace": "s3", "actions": ["DeleteBucket", "DeleteBucketPolicy", "PutBucketPolicy"] },
  { "serviceNamespace": "kms" },
  { "serviceNamespace": "iam", "actions": ["CreateUser"] }
]
`,
};
