# Sourced by the CI scripts: the versions the matrix covers besides the primary cell
# (the Node on PATH, 20.x, with the lockfile's @langchain/core).
# Extra Node versions, exact, fetched by scripts/ensure_node.sh from the npm registry.
MATRIX_NODE_VERSIONS="${MATRIX_NODE_VERSIONS-22.23.3 24.21.0}"
# The lowest @langchain/core the peer range (^1.2.0) admits.
MATRIX_CORE_LOWEST="${MATRIX_CORE_LOWEST-1.2.0}"
MATRIX_CORE_LOCKED="$(node -p 'require("./package-lock.json").packages["node_modules/@langchain/core"].version')"
