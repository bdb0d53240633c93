% Primes below 1000 by a list sieve.
range(N, N, [N]) :- !.
range(I, N, [I|T]) :- I < N, I1 is I + 1, range(I1, N, T).
sieve([], []).
sieve([P|Xs], [P|Ps]) :- remove(P, Xs, Ys), sieve(Ys, Ps).
remove(_, [], []).
remove(P, [X|Xs], Ys) :- X mod P =:= 0, !, remove(P, Xs, Ys).
remove(P, [X|Xs], [X|Ys]) :- remove(P, Xs, Ys).
bench_run :- range(2, 1000, L), sieve(L, Ps), length(Ps, 168).
