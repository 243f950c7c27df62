echo start
echo "unterminated
