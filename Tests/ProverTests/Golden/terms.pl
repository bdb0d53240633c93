% Term inspection and construction.
% query: functor(f(a, b), N, A)
% query: functor(T, point, 3)
% query: functor(abc, N, A)
% query: functor(T, abc, 0)
% query: arg(2, f(a, b, c), X)
% query: arg(4, f(a, b, c), X)
% query: f(a, B) =.. L
% query: T =.. [g, 1, 2]
% query: T =.. [hello]
% query: copy_term(f(X, Y, X), C)
% query: atom(a), atomic(1), compound(f(x)), var(_), nonvar(a), callable(f), number(3), integer(3)
% query: atom(1)
% query: atom_codes(hello, C), atom_codes(A, [104, 105])
% query: atom_chars(abc, L), atom_length(abc, N)
% query: atom_concat(foo, bar, X), atom_number('42', N)
% query: X = "abc"
