# needs: touch
# files
touch a1 b2 C3 _x
echo [[:lower:]]*
echo [[:upper:]]*
echo [!a-z]*
