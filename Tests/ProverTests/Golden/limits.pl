% Bounds are reported by name.
% limits: steps=20000 depth=1000
n(1). n(2). n(3). n(4). n(5). n(6). n(7). n(8). n(9). n(10).
loop :- loop.
wide :- n(_), n(_), n(_), n(_), n(_), fail.
count(0) :- !.
count(N) :- N1 is N - 1, count(N1).
% query: loop
% query: wide
% query: count(10)
% query: count(5000)
