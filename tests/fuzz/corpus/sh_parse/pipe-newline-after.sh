# needs: cat
echo a |
  cat
echo b &&
  echo c ||
  echo d
