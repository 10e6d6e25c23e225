import type { Example } from './example';

export const wholeServiceExample: Example = {
  id: 'whole-service',
  title: 'A whole service unused',
  teaches:
    'A service reported with no action list means every action of it: its patterns are dropped, and a statement left empty is removed.',
  policy: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Tables",
      "Effect": "Allow",
      "Action": "dynamodb:*",
      "Resource": "arn:aws:dynamodb:eu-west-1:123456789012:table/orders"
    },
    {
      "Sid": "Objects",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject", "dynamodb:Query"],
      "Resource": "*"
    }
  ]
}
`,
  unused: `[
  { "serviceNamespace": "dynamodb" },
  { "serviceNamespace": "s3", "actions": ["PutObject"] }
]
`,
};
