# needs: touch
# files
touch a.txt b.txt c.log .hidden
echo *.txt
echo *.log
echo ?.txt
echo [ab].txt
echo *
echo .*
