# needs: sort mkdir touch ls
# files
mkdir -p dir/{a,b}/sub
ls -d dir/*/sub | sort
touch file{1..3}.txt; ls file*.txt
