mkdir d; printf 'xxx' > d/big; printf 'x' > d/small; printf 'xx' > d/mid; ls -S d
