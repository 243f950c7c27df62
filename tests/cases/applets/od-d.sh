printf '\001\002' | od -An -tu1
