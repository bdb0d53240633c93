% 1,000 lookups by first argument among 100,000 facts.
% The benchmark runner appends the facts fact(1, V1), ..., fact(100000, V100000).
lookups(1000, S, S) :- !.
lookups(I, S0, S) :-
    K is (I * 7919) mod 100000 + 1, fact(K, V), S1 is S0 + V, I1 is I + 1, lookups(I1, S1, S).
bench_run :- lookups(0, 0, _).
