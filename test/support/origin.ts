// A municipality's web server, as far as a test needs one: a handler on 127.0.0.1, any free port.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export interface TestOrigin {
  readonly server: Server;
  /** `http://127.0.0.1:{port}`. */
  readonly base: string;
}

export function startOrigin(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<TestOrigin> {
  const server = createServer(handler);
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }),
    ),
  );
}

/** Stops the server, dropping kept-alive connections. */
export function stopOrigin(origin: TestOrigin): void {
  origin.server.closeAllConnections();
  origin.server.close();
}
