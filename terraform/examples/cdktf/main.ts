// The CDKTF app: synthesizes the stack to <outdir>/stacks/tarmak/cdk.tf.json. The output directory is
// $CDKTF_OUTDIR (set by `cdktf synth`), else ./cdktf.out.
import { App } from 'cdktf';
import { TarmakSpireStack } from './stack.js';

const app = new App();
new TarmakSpireStack(app, 'tarmak');
app.synth();
