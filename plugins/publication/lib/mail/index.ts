export { composeNotification, studentSpaceUrlOf, type NotificationInput, type NotificationMail } from './composeNotification'
export { notificationLabels } from './labels'
export { describeSmtp, mailSettingsFromEnv, parseFrom, type MailSettings } from './settings'
export { describeSmtpFailure, isRecipientRejected } from './smtpErrors'
