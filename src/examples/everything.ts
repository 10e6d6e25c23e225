import type { Example } from './example';

export const everythingExample: Example = {
  id: 'everything',
  title: '"Action": "*" with a few services unused',
  teaches:
    'A "*" is refined one level up: fully used services become svc:*, the others their frontier; when that is over the 6,144-character quota the equivalent NotAction form is proposed.',
  policy: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Administrator",
      "Effect": "Allow",
      "Action": "*",
      "Resource": "*"
    }
  ]
}
`,
  unused: `[
  { "serviceNamespace": "ec2", "actions": ["TerminateInstances", "DeleteVpc", "DeleteSubnet"] },
  { "serviceNamespace": "iam", "actions": ["CreateAccessKey", "CreateUser", "DeleteUser"] },
  { "serviceNamespace": "s3", "actions": ["DeleteBucket", "PutBucketPolicy"] },
  { "serviceNamespace": "organizations" }
]
`,
};
