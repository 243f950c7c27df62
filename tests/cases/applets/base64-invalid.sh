for s in 'not*base64' YQ 'YQ=' 'YW Jj' Y 'YQ==x' '====' 'YW=j'; do
  printf '%s' "$s" | base64 -d 2>&1 | od -An -c; echo "rc=${PIPESTATUS[1]}"
done
