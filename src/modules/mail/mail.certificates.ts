/**
 * TLS for the mail client: ordinary certificate checking, or — when the user chose to trust
 * a certificate no authority vouches for — acceptance of exactly that certificate (by its
 * SHA-256 fingerprint) and no other. Also reads the certificate a server shows, so a refused
 * one can be reported with its fingerprint.
 */
import { isIP, connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions, type PeerCertificate, type TLSSocket } from 'node:tls';
import type { MailServer } from '../../shared/schemas/mail.js';

export type MailProtocol = 'imap' | 'smtp';

/** Node's codes for a certificate that did not verify, plus ours for a fingerprint that did not match. */
const CERTIFICATE_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_REJECTED',
  'CERT_SIGNATURE_FAILURE',
  'INVALID_CA',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'ERR_CERT_FINGERPRINT_MISMATCH',
]);

/** The error another one wraps (imapflow keeps it as `_err`, others as `cause`). */
export function nestedError(error: unknown): unknown {
  if (typeof error !== 'object' || error === null) return undefined;
  return Reflect.get(error, 'cause') ?? Reflect.get(error, '_err');
}

export function isCertificateError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && CERTIFICATE_CODES.has(code)) return true;
    if (/self[- ]signed certificate|unable to verify the first certificate|certificate has expired|unable to get (local )?issuer certificate|Hostname\/IP does not match certificate|certificate fingerprint/i.test(current.message)) {
      return true;
    }
    current = nestedError(current);
  }
  return false;
}

function toPem(raw: Buffer): string {
  const base64 = raw.toString('base64').replace(/(.{64})/g, '$1\n');
  return `-----BEGIN CERTIFICATE-----\n${base64.trimEnd()}\n-----END CERTIFICATE-----\n`;
}

const servername = (host: string) => (isIP(host) ? undefined : host);

/** PEMs of certificates the user trusted, by fingerprint, read from a server once per process. */
const trustedPems = new Map<string, string>();

/**
 * The TLS options for a connection. With a trusted fingerprint, only the certificate with
 * that fingerprint verifies: it is the one authority (`ca`) and the identity check compares
 * fingerprints; the chain check still runs, so no other certificate gets through.
 */
export async function tlsOptions(server: MailServer, protocol: MailProtocol, trustedCertificate: string | null, timeoutMs: number): Promise<ConnectionOptions> {
  const base: ConnectionOptions = { rejectUnauthorized: true, minVersion: 'TLSv1.2', servername: servername(server.host) };
  if (!trustedCertificate || server.security === 'none') return base;
  let pem = trustedPems.get(trustedCertificate);
  if (!pem) {
    const shown = await readServerCertificate(server, protocol, timeoutMs);
    if (shown.fingerprint !== trustedCertificate) {
      throw Object.assign(new Error('The server showed a different certificate from the one you chose to trust.'), { code: 'ERR_CERT_FINGERPRINT_MISMATCH', fingerprint: shown.fingerprint });
    }
    pem = shown.pem;
    trustedPems.set(trustedCertificate, pem);
  }
  return {
    ...base,
    ca: [pem],
    checkServerIdentity: (_host: string, certificate: PeerCertificate) =>
      certificate.fingerprint256 === trustedCertificate
        ? undefined
        : Object.assign(new Error('The server showed a different certificate from the one you chose to trust.'), { code: 'ERR_CERT_FINGERPRINT_MISMATCH' }),
  };
}

/** Reads lines from a plain socket until one matches. */
function readUntil(socket: Socket, done: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('latin1');
      if (done.test(seen)) {
        cleanup();
        resolve(seen);
      }
    };
    const onEnd = () => {
      cleanup();
      reject(new Error('The server closed the connection.'));
    };
    const cleanup = () => {
      socket.off('data', onData);
      socket.off('end', onEnd);
      socket.off('error', onEnd);
    };
    socket.on('data', onData);
    socket.on('end', onEnd);
    socket.on('error', onEnd);
  });
}

/**
 * Connects (with STARTTLS when that is the server's security) without judging the certificate,
 * and returns the one the server shows. Nothing is sent but the protocol's own greeting steps.
 */
export function readServerCertificate(server: MailServer, protocol: MailProtocol, timeoutMs: number): Promise<{ fingerprint: string; pem: string }> {
  return new Promise((resolve, reject) => {
    let plain: Socket | null = null;
    let secure: TLSSocket | null = null;
    const timer = setTimeout(() => finish(new Error('Timed out reading the server certificate.')), timeoutMs);
    const finish = (error: Error | null, value?: { fingerprint: string; pem: string }) => {
      clearTimeout(timer);
      secure?.destroy();
      plain?.destroy();
      if (error) reject(error);
      else if (value) resolve(value);
    };
    const upgrade = (socket?: Socket) => {
      secure = tlsConnect({ ...(socket ? { socket } : { host: server.host, port: server.port }), rejectUnauthorized: false, servername: servername(server.host) }, () => {
        const certificate = secure?.getPeerCertificate();
        if (!certificate?.raw) return finish(new Error('The server showed no certificate.'));
        finish(null, { fingerprint: certificate.fingerprint256, pem: toPem(certificate.raw) });
      });
      secure.on('error', (error) => finish(error));
    };
    if (server.security === 'tls') return upgrade();
    plain = netConnect({ host: server.host, port: server.port });
    plain.on('error', (error) => finish(error));
    const socket = plain;
    const steps = async () => {
      if (protocol === 'imap') {
        await readUntil(socket, /^\* (OK|PREAUTH)[^\n]*\n/m);
        socket.write('c1 STARTTLS\r\n');
        const answer = await readUntil(socket, /^c1 [A-Z]+[^\n]*\n/m);
        if (!/^c1 OK/m.test(answer)) throw new Error('The server refused STARTTLS.');
      } else {
        await readUntil(socket, /^220 [^\n]*\n/m);
        socket.write('EHLO inroads.invalid\r\n');
        await readUntil(socket, /^\d{3} [^\n]*\n/m);
        socket.write('STARTTLS\r\n');
        const answer = await readUntil(socket, /^\d{3} [^\n]*\n/m);
        if (!/^220 /m.test(answer)) throw new Error('The server refused STARTTLS.');
      }
      upgrade(socket);
    };
    steps().catch((error: Error) => finish(error));
  });
}
