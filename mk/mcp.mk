# MCP server tests (tests/suites.d/mcp.sh): node and npm run the official
# @modelcontextprotocol/sdk client, installed with npm ci from the lockfile
# in tests/mcp/.  Asked of apt only when missing: a NodeSource nodejs
# bundles npm and conflicts with Debian's npm package.
ifeq ($(shell command -v npm 2>/dev/null),)
PKGS += nodejs npm
endif
