# needs: touch
# files
touch plain
cd plain; echo "status $?"
cd a b; echo "status $?"
