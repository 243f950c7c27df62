unset u; e=
echo "${u-dflt}" "${u:-dflt}" "[${e-dflt}]" "${e:-dflt}"
echo "${u+alt}" "[${e+alt}]" "[${e:+alt}]" "${x:-$((1+2))}"
