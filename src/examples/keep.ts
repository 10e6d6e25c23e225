import type { Example } from './example';

export const keepExample: Example = {
  id: 'keep',
  title: 'A yearly restore drill (keep list)',
  teaches:
    'A disaster-recovery role looks unused for months and is not: the keep list names what must stay, the recommendation keeps it although it was reported unused, and the proof counts it as kept on purpose.',
  policy: `{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "Backups",
      "Effect": "Allow",
      "Action": ["backup:Start*", "backup:Describe*", "backup:List*"],
      "Resource": "*"
    },
    {
      "Sid": "RestoreBucket",
      "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject", "s3:RestoreObject"],
      "Resource": "arn:aws:s3:::dr-restore-bucket/*"
    }
  ]
}
`,
  unused: `backup:StartCopyJob
backup:StartRestoreJob
backup:StartScanJob
backup:DescribeRestoreJob
s3:PutObject
s3:RestoreObject
`,
  keep: `# The yearly restore drill: unused for months, needed on the day
backup:StartRestoreJob
backup:DescribeRestoreJob
s3:RestoreObject
`,
};
