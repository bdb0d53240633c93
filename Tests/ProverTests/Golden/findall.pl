% findall/3.
a(1). a(2). a(3).
% query: findall(X, a(X), L)
% query: findall(X-Y, (a(X), a(Y), X < Y), L)
% query: findall(X, fail, L)
% query: findall(f(X, _), a(X), L)
% query: findall(L, findall(X, a(X), L), M)
% query: findall(X, member(X, [a, b]), [a, b])
% query: findall(X, member(X, [a, b]), [b, a])
% query: findall(X, (a(X), !), L)
