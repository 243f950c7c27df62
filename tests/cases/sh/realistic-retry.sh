attempt=0
try() { attempt=$((attempt+1)); [ $attempt -ge 3 ]; }
until try; do echo "attempt $attempt failed"; done
echo "succeeded after $attempt"
