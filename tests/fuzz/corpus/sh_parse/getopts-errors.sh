while getopts "x:" o -z -x; do echo "o=$o OPTARG=${OPTARG-unset}"; done
while getopts ":x:" o -z -x; do echo "silent o=$o OPTARG=$OPTARG"; done
