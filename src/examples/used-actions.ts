import type { Example } from './example';

export const usedActionsExample: Example = {
  id: 'used-actions',
  title: 'From the actions that were used',
  teaches:
    'Given the actions that were used instead (a list starting with "# used", or CloudTrail events), everything else the policy allows counts as unused.',
  policy: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": ["s3:*", "sqs:*"],
      "Resource": "*"
    }
  ]
}
`,
  unused: `# used
s3:GetObject
s3:GetObjectTagging
s3:ListBucket
sqs:ReceiveMessage
sqs:DeleteMessage
`,
};
