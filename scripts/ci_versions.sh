# Sourced by the CI scripts: the versions the matrix covers besides the primary cell
# (the Node on PATH, 20.x, with the lockfile's @langchain/core).
# Extra Node versions, exact, fetched by scripts/ensure_node.sh from the npm registry.
MATRIX_NODE_VERSIONS="${MATRIX_NODE_VERSIONS-22.23.3 24.21.0}"
# The lowest @langchain/core the peer range (^1.2.0) admits.
MATRIX_CORE_LOWEST="${MATRIX_CORE_LOWEST-1.2.0}"
# Installed with it: the newest `langchain` whose peer range admits core 1.2.0 (1.5.1+ want more), and
# the newest langgraph before 1.7 (which wants core ^1.3.4), as a user on core 1.2.x would have them.
MATRIX_CORE_LOWEST_WITH="${MATRIX_CORE_LOWEST_WITH-langchain@1.5.0 @langchain/langgraph@1.5.3}"
MATRIX_CORE_LOCKED="$(node -p 'require("./package-lock.json").packages["node_modules/@langchain/core"].version')"
