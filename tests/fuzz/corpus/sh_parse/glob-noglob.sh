# needs: touch
# files
touch z.txt
set -f
echo *.txt
set +f
echo *.txt
