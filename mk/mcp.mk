# MCP server tests (tests/suites.d/mcp.sh): node and npm run the official
# @modelcontextprotocol/sdk client, installed with npm ci from the lockfile
# in tests/mcp/.
PKGS += nodejs npm
