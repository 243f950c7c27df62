printenv NO_SUCH_VAR_X; echo "rc=$?"
