unset x
echo "${x:-'single'}" ${x:-'unq single'} "${x:-"dq"}"
echo ${x:-a\ b}
