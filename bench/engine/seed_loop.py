# The learner's plain Python loop from the seed question (../shared/seed/questions.txt, the answer to
# "Using quadratic function with unknown constant term"), as written: per-sample SGD on the quadratic
# fit, 100,000 epochs of 4 rows at lr 0.0005, untraced. Only the indentation, lost in the seed's text,
# is restored. The engine benchmark (bench/run.sh) runs it as a whole process.

#Training sample
sample = [(0,0),(1,1),(1,2),(2,1)]
#Our function => a2*x^2+a1*x+a0
class Function():
    def __init__(self, a2, a1, a0):
        self.a2 = a2
        self.a1 = a1
        self.a0 = a0
    def eval(self, x):
        return self.a2*x**2+self.a1*x+self.a0
    def partial_a2(self, x):
        return x**2
    def partial_a1(self, x):
        return x
    def partial_a0(self, x):
        return 1
#Initialise function
f = Function(1,1,1)
#To Calculate loss from the sample
def loss(sample, f):
    return sum([(y-f.eval(x))**2 for x,y in sample])/len(sample)
epochs = 100000
lr = 0.0005
#To record the best values
best_values = (0,0,0)
for epoch in range(epochs):
    min_loss = 100
    for x, y in sample:
        #Gradient descent
        f.a2 = f.a2+lr*(y-f.eval(x))*f.partial_a2(x)
        f.a1 = f.a1+lr*(y-f.eval(x))*f.partial_a1(x)
        f.a0 = f.a0+lr*(y-f.eval(x))*f.partial_a0(x)
    #Storing the best values
    epoch_loss = loss(sample, f)
    if min_loss > epoch_loss:
        min_loss = epoch_loss
        best_values = (f.a2, f.a1, f.a0)
print("Loss:", min_loss)
print("Best values (a2,a1,a0):", best_values)
