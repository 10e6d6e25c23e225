import type { Example } from './example';

export const workedExample: Example = {
  id: 'worked-example',
  title: 'The IAM Access Analyzer announcement',
  teaches:
    's3:Get* becomes the shortest word-level wildcards that touch no unused action, and unused lambda actions go.',
  policy: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "lambda:AddPermission",
        "lambda:GetFunctionConfiguration",
        "lambda:UpdateFunctionConfiguration",
        "lambda:UpdateFunctionCode",
        "lambda:CreateFunction",
        "lambda:DeleteFunction",
        "lambda:ListVersionsByFunction",
        "lambda:GetFunction",
        "lambda:Invoke*"
      ],
      "Resource": "arn:aws:lambda:us-east-1:123456789012:function:my-lambda"
    },
    {
      "Effect": "Allow",
      "Action": [
        "s3:Get*",
        "s3:List*"
      ],
      "Resource": "*"
    }
  ]
}
`,
  unused: `[
  {
    "serviceNamespace": "lambda",
    "actions": [
      "UpdateFunctionCode",
      "GetFunction",
      "ListVersionsByFunction",
      "UpdateFunctionConfiguration",
      "CreateFunction",
      "DeleteFunction",
      "GetFunctionConfiguration",
      "AddPermission"
    ]
  },
  {
    "serviceNamespace": "s3",
    "actions": [
      "GetBucketLocation",
      "GetBucketWebsite",
      "GetBucketPolicyStatus",
      "GetAccelerateConfiguration",
      "GetBucketPolicy",
      "GetBucketRequestPayment",
      "GetReplicationConfiguration",
      "GetBucketLogging",
      "GetBucketObjectLockConfiguration",
      "GetBucketNotification",
      "GetLifecycleConfiguration",
      "GetAnalyticsConfiguration",
      "GetBucketCORS",
      "GetInventoryConfiguration",
      "GetBucketPublicAccessBlock",
      "GetEncryptionConfiguration",
      "GetBucketAcl",
      "GetBucketVersioning",
      "GetBucketOwnershipControls",
      "GetBucketTagging",
      "GetIntelligentTieringConfiguration",
      "GetMetricsConfiguration"
    ]
  }
]
`,
};
