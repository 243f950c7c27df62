mkdir -v x
