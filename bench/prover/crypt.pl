% Cryptarithmetic SEND + MORE = MONEY, column by column with carries.
sel(X, [X|T], T).
sel(X, [H|T], [H|R]) :- sel(X, T, R).
solve([S,E,N,D,M,O,R,Y]) :-
    M = 1, sel(M, [0,1,2,3,4,5,6,7,8,9], Ds0),
    sel(D, Ds0, Ds1), sel(E, Ds1, Ds2),
    Y0 is D + E, Y is Y0 mod 10, C1 is Y0 // 10, sel(Y, Ds2, Ds3),
    sel(N, Ds3, Ds4), sel(R, Ds4, Ds5),
    E0 is N + R + C1, E =:= E0 mod 10, C2 is E0 // 10,
    sel(O, Ds5, Ds6),
    N0 is E + O + C2, N =:= N0 mod 10, C3 is N0 // 10,
    sel(S, Ds6, _), S > 0,
    O0 is S + M + C3, O =:= O0 mod 10, M =:= O0 // 10.
bench_run :- findall(X, solve(X), [[9,5,6,7,1,0,8,2]]).
