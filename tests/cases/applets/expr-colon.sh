expr 'report-2024-03.csv' : 'report-\([0-9-]*\)\.csv'
expr abc : 'x\(.\)'; echo "rc=$?"
expr abc : 'x'; echo "rc=$?"
expr abc : '.*'
expr foo : 'f\(o*\)\(x*\)'
expr hello : 'el'; echo "rc=$?"
expr '*a' : '*a'
