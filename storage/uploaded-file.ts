import fs from 'node:fs/promises'

/**
 * The file of a request as Payload hands it to hooks. Payload writes multipart uploads to a temporary file
 * (payload.config.ts, `useTempFiles`: a 500 MB batch must not sit in memory); `data` is then empty and the
 * bytes are at `tempFilePath`. Server code may still pass bytes in memory (`data`).
 */
export type UploadedFile = { name?: string; mimetype?: string; size?: number; data?: Buffer; tempFilePath?: string; truncated?: boolean }

const onDisk = (file: UploadedFile): string | undefined => (file.tempFilePath && !file.data?.length ? file.tempFilePath : undefined)

export const uploadedSize = (file: UploadedFile): number => file.size ?? file.data?.length ?? 0

/** The first `length` bytes (a type sniff), read from disk when the file is there. */
export const uploadedHead = async (file: UploadedFile, length = 1024): Promise<Buffer> => {
  const path = onDisk(file)
  if (!path) return (file.data ?? Buffer.alloc(0)).subarray(0, length)
  const handle = await fs.open(path, 'r')
  try {
    const buffer = Buffer.alloc(length)
    const { bytesRead } = await handle.read(buffer, 0, length, 0)
    return buffer.subarray(0, bytesRead)
  } finally {
    await handle.close()
  }
}

/** The whole file in memory: only for small files (a class list, a subject), never a scan batch. */
export const uploadedBytes = async (file: UploadedFile): Promise<Uint8Array> => {
  const path = onDisk(file)
  if (path) return new Uint8Array(await fs.readFile(path))
  const data = file.data ?? Buffer.alloc(0)
  return new Uint8Array(data.buffer, data.byteOffset, data.length)
}

/** Where the file lies on disk, when it does (the scan check then reads it there). */
export const uploadedPath = onDisk
