if true
then
  echo a
fi
while false
do
  :
done
for x in 1
do echo $x
done
