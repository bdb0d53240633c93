% 8 queens, all solutions.
queens(N, Qs) :- numlist(1, N, Ns), permutation(Ns, Qs), safe(Qs).
permutation([], []).
permutation(L, [H|T]) :- select(H, L, R), permutation(R, T).
safe([]).
safe([Q|Qs]) :- no_attack(Q, Qs, 1), safe(Qs).
no_attack(_, [], _).
no_attack(Q, [Q1|Qs], D) :- Q =\= Q1 + D, Q =\= Q1 - D, D1 is D + 1, no_attack(Q, Qs, D1).
% query: findall(Q, queens(6, Q), L), length(L, N)
% query: queens(8, Q)
