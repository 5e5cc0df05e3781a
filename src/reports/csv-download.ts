import type { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { FastifyReply } from 'fastify';
import { CSV_CONTENT_TYPE } from './domain/csv.js';

/** Where a service writes a CSV it streams: headers first, then the body, resolved when the body is done. */
export type CsvSink = (headers: Record<string, string>, body: Readable) => Promise<void>;

/** A CSV attachment on a fastify reply, streamed; resolves once the body has ended or the client left. */
export function csvDownload(reply: FastifyReply, filename: string): CsvSink {
  return async (headers, body) => {
    const done = finished(body);
    void reply
      .headers({
        ...headers,
        'content-disposition': `attachment; filename="${filename}"`,
        'cache-control': 'no-store',
      })
      .type(CSV_CONTENT_TYPE)
      .send(body);
    try {
      await done;
    } catch (err) {
      // The client went away mid-download: nothing to answer, nothing went wrong on our side.
      if ((err as NodeJS.ErrnoException).code !== 'ERR_STREAM_PREMATURE_CLOSE') throw err;
    }
  };
}

/** A small CSV built in memory, with the same headers as a streamed one. */
export function csvAttachment(reply: FastifyReply, filename: string, csv: string): string {
  void reply
    .headers({ 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' })
    .type(CSV_CONTENT_TYPE);
  return csv;
}
