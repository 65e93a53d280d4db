import t from 'tap';
import { join } from 'node:path';
import { resolveGroup, resolveUser } from '../../../../helper/outputs/ownership.js';

t.test('owner and group accept numbers and names, as vault-helper did', async (t) => {
  const dir = t.testdir({
    passwd: 'root:x:0:0:root:/root:/bin/bash\nkubernetes:x:837:837::/etc/kubernetes:/usr/sbin/nologin\n',
    group: 'root:x:0:\nkubernetes:x:837:\n',
  });
  const db = { passwdFile: join(dir, 'passwd'), groupFile: join(dir, 'group') };
  t.equal(await resolveUser('837', 'owner', db), 837);
  t.equal(await resolveUser('kubernetes', 'owner', db), 837);
  t.equal(await resolveGroup('kubernetes', 'group', db), 837);
  t.equal(await resolveGroup('0', 'group', db), 0);
  t.equal(await resolveUser('root', 'owner'), 0, 'the system databases by default');
});

t.test('an unknown or malformed owner is a configuration error naming the flag', async (t) => {
  const dir = t.testdir({ passwd: 'root:x:0:0::/:/bin/sh\n', group: 'root:x:0:\n' });
  const db = { passwdFile: join(dir, 'passwd'), groupFile: join(dir, 'group') };
  await t.rejects(resolveUser('no-such-user-x', 'owner', db), {
    code: 'CONFIG_INVALID',
    message: /^flags: --owner "no-such-user-x" names no user/,
  });
  await t.rejects(resolveGroup('bad name', 'group', db), {
    code: 'CONFIG_INVALID',
    message: /--group "bad name" is neither a number nor a group name/,
  });
  await t.rejects(resolveUser('4294967295', 'owner', db), {
    code: 'CONFIG_INVALID',
    message: /out of range/,
  });
});
