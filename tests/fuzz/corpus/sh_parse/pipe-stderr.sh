# needs: sed
{ echo out; echo err >&2; } 2>&1 | sed 's/^/> /'
{ echo out2; echo err2 >&2; } |& sed 's/^/| /'
