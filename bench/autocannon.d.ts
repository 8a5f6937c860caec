declare module 'autocannon' {
  interface Histogram {
    average: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    max: number;
  }
  export interface Result {
    requests: Histogram & { total: number };
    latency: Histogram;
    errors: number;
    timeouts: number;
    non2xx: number;
    /** Answers by status code, e.g. { "429": { count: 120 } }. */
    statusCodeStats?: Record<string, { count: number }>;
  }
  interface RequestParams {
    path: string;
    method?: string;
    headers?: Record<string, string>;
    body?: string;
  }
  interface Request {
    method?: string;
    path?: string;
    setupRequest?: (request: RequestParams) => RequestParams;
  }
  interface Options {
    url: string;
    connections?: number;
    duration?: number;
    method?: string;
    body?: string;
    headers?: Record<string, string>;
    requests?: Request[];
  }
  function autocannon(options: Options): Promise<Result>;
  export default autocannon;
}
