touch f; rm -v f
