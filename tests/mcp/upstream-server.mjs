// An upstream MCP server for code-mode tests, written with the official
// SDK: wasmbox starts it from a policy's mcp_servers and proxies its tools
// into the sandbox as tools.up.<name>.  Two tools: add (harmless) and
// delete_all (the kind of tool a policy leaves out).  UPSTREAM_SECRET comes
// from the policy's env: add reports whether it got it, never its value, so
// a test can check that the credential reached the server while the
// sandbox never sees it.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { z } from "zod";

const server = new McpServer({ name: "upstream-test", version: "1.0.0" });

server.registerTool(
  "add",
  {
    description: "Adds two numbers",
    inputSchema: { a: z.number().describe("first addend"), b: z.number() },
    outputSchema: { sum: z.number(), authenticated: z.boolean() },
  },
  async ({ a, b }) => {
    const out = { sum: a + b, authenticated: process.env.UPSTREAM_SECRET === "s3cr3t-t0ken" };
    return { content: [{ type: "text", text: JSON.stringify(out) }], structuredContent: out };
  },
);

server.registerTool(
  "delete_all",
  { description: "Deletes everything (must never be reachable from the sandbox)", inputSchema: {} },
  async () => {
    process.stderr.write("upstream-test: delete_all WAS CALLED\n");
    return { content: [{ type: "text", text: "deleted everything" }] };
  },
);

server.registerTool(
  "fail",
  { description: "Always fails", inputSchema: { why: z.string() } },
  async ({ why }) => ({ content: [{ type: "text", text: "failed: " + why }], isError: true }),
);

await server.connect(new StdioServerTransport());
