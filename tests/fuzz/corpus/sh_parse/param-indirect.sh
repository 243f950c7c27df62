name=target; target=value
echo "${!name}"
ref=arr; arr=(x y)
v1=a v2=b
echo "${!v@}"
