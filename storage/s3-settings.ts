import type { S3ClientConfig } from '@aws-sdk/client-s3'

import type { Config } from '../runtime/config'
import { ConfigError } from '../runtime/errors'

/** Where uploaded files live when they are not on this machine's disk: one bucket of an S3-compatible store. */
export type S3Settings = {
  bucket: string
  region: string
  /** unset: AWS itself; set: MinIO, Garage, Ceph, Scaleway, OVH… */
  endpoint?: string
  forcePathStyle: boolean
  /** unset: the AWS SDK's own chain (AWS_* variables, an instance or pod role) */
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

/** The S3 settings when KORRIGO_S3_BUCKET is set; otherwise files stay on local disk (undefined). */
export const s3SettingsFromConfig = (config: Config): S3Settings | undefined => {
  if (!config.KORRIGO_S3_BUCKET) return undefined
  const keyId = config.KORRIGO_S3_ACCESS_KEY_ID
  const secret = config.KORRIGO_S3_SECRET_ACCESS_KEY
  // Half a credential would silently fall back to whatever the SDK finds: refuse it at start instead.
  if (Boolean(keyId) !== Boolean(secret))
    throw new ConfigError('Invalid configuration (see README, Configuration): KORRIGO_S3_ACCESS_KEY_ID and KORRIGO_S3_SECRET_ACCESS_KEY go together; set both, or neither', {
      variables: ['KORRIGO_S3_ACCESS_KEY_ID', 'KORRIGO_S3_SECRET_ACCESS_KEY'],
    })
  return {
    bucket: config.KORRIGO_S3_BUCKET,
    region: config.KORRIGO_S3_REGION,
    endpoint: config.KORRIGO_S3_ENDPOINT,
    // Self-hosted stores rarely have a DNS name per bucket: path-style unless told otherwise when an endpoint is given.
    forcePathStyle: config.KORRIGO_S3_FORCE_PATH_STYLE ?? Boolean(config.KORRIGO_S3_ENDPOINT),
    credentials: keyId && secret ? { accessKeyId: keyId, secretAccessKey: secret } : undefined,
  }
}

/**
 * The client configuration, the same for Payload's adapter and for our own reads and writes. Checksums only
 * where the operation requires them: the SDK's newer default (a CRC trailer on every upload, checked on every
 * download) is not understood by every S3-compatible server.
 */
export const s3ClientConfig = (settings: S3Settings): S3ClientConfig => ({
  region: settings.region,
  forcePathStyle: settings.forcePathStyle,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
  ...(settings.endpoint ? { endpoint: settings.endpoint } : {}),
  ...(settings.credentials ? { credentials: settings.credentials } : {}),
})
