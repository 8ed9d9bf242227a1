import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { readInfrastructureFile } from '../../../main/map/formats'
import { assetsFromScannerResources, type ScannerResource } from '../../../main/map/formats/scanner-resources'
import { asset, edges, keyOf, shared, sharedDir, sharedPresent, zone, zoneNames } from './infrastructure-helpers'

// The real infrastructure files live in ../shared beside the repository and are
// read in place, never copied in; a clone without that folder skips these (our own
// fixtures in test/fixtures/infrastructure cover every format and variant).
describe.skipIf(!sharedPresent)(`real infrastructure files in ${sharedDir}`, () => {
  describe('Terraform show -json plans', () => {
    it('TerraGoat (TF 0.12, references only in configuration): the tiers, the insecure database and the wiring a reader draws', async () => {
      const map = await readInfrastructureFile(shared('terraform-json/checkov_terragoat_tf0.12_plan.json'))
      expect(map.format).toBe('terraform-plan')
      // 26 managed resources are drawn (IAM policies, route tables, subnet groups and the like are settings), plus the internet.
      expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([27, 6, 15])
      expect(edges(map)).toEqual([
        'Internet -> aws_elb.weblb (network)',
        'Internet -> aws_instance.db_app (network)',
        'Internet -> aws_instance.web_host (network)',
        'aws_ebs_snapshot.example_snapshot -> aws_ebs_volume.web_host_storage (reference)',
        'aws_elb.weblb -> aws_instance.web_host (load-balancer-target)',
        'aws_instance.db_app -> aws_db_instance.default (reference)',
        'aws_instance.web_host -> aws_ebs_volume.web_host_storage (reference)',
        'aws_internet_gateway.web_igw -> Internet (route)',
        'aws_neptune_cluster_snapshot.default -> aws_neptune_cluster.default (reference)',
        'aws_s3_bucket.data_science -> aws_s3_bucket.logs (logging)',
        'aws_s3_bucket.logs -> aws_kms_key.logs_key (reference)',
        'aws_subnet.web_subnet -> aws_internet_gateway.web_igw (route)',
        'aws_subnet.web_subnet2 -> aws_internet_gateway.web_igw (route)',
        'aws_vpc.web_vpc -> aws_db_instance.default (network)',
        'aws_vpc.web_vpc -> aws_s3_bucket.flowbucket (logging)'
      ])
      const db = asset(map, 'aws_db_instance.default')
      expect(db).toMatchObject({ kind: 'database', serviceId: 'aws-rds', encryptedAtRest: false, publicAccess: true })
      expect(db.attributes).toMatchObject({ engine: 'mysql' })
      expect(zoneNames(map, 'aws_db_instance.default')).toEqual(['aws_subnet.web_subnet', 'aws_subnet.web_subnet2'])
      expect(zone(map, 'aws_subnet.web_subnet')).toMatchObject({ kind: 'subnet', parentKey: keyOf(map, 'aws_vpc.web_vpc'), cidr: '172.16.10.0/24' })
      expect(asset(map, 'aws_s3_bucket.data').publicAccess).toBe(true)
      expect(asset(map, 'aws_s3_bucket.logs').encryptedAtRest).toBe(true)
      // The ELB's listener is plain HTTP on both sides.
      expect(map.flows.find(f => f.kind === 'load-balancer-target')).toMatchObject({ label: 'HTTP 8000', encryptedInTransit: false })
      expect(map.warnings.some(w => /can hold secrets/.test(w))).toBe(true)
    })

    it('TerraGoat: the database password and the example AWS keys never reach the result', async () => {
      const text = JSON.stringify(await readInfrastructureFile(shared('terraform-json/checkov_terragoat_tf0.12_plan.json')))
      const source = fs.readFileSync(shared('terraform-json/checkov_terragoat_tf0.12_plan.json'), 'utf8')
      for (const secret of ['Aa1234321Bb', 'AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY']) {
        expect(source, 'the secret is really in the file').toContain(secret)
        expect(text).not.toContain(secret)
      }
    })

    it('for_each modules (TF 1.9): security groups placed in the VPC a data source looks up, through the module input', async () => {
      const map = await readInfrastructureFile(shared('terraform-json/checkov_for-each-vpc-subnets-sg_tf1.9_plan.json'))
      expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([5, 3, 0])
      const vpc = zone(map, 'data.aws_vpc.sandbox')
      expect(vpc).toMatchObject({ key: 'aws:vpc:vpc-123456abc', placeholder: true, cidr: '10.213.220.0/22' })
      expect(zone(map, 'data.aws_subnet.private')).toMatchObject({ key: 'aws:subnet:subnet-04c460d388900659b', parentKey: vpc.key })
      for (const key of ['awful_example', 'bad_example', 'terrible_example']) {
        expect(asset(map, `module.sg["${key}"].aws_security_group.bad`).zoneKeys).toEqual([vpc.key])
      }
      expect(map.assets.filter(a => a.resourceType === 'aws_route53_zone').map(a => a.name)).toEqual([
        'aws_route53_zone.example["example.com"]',
        'aws_route53_zone.example["example2.eu"]'
      ])
    })

    it('CloudTrail plan (TF 1.1, 0.13+ references): trail → bucket → logging bucket', async () => {
      const map = await readInfrastructureFile(shared('terraform-json/regula_cloudtrail-s3-logging_tf1.1_plan.json'))
      expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([3, 1, 2])
      expect(edges(map)).toEqual([
        'aws_cloudtrail.cloudtrail -> aws_s3_bucket.cloudtrail (logging)',
        'aws_s3_bucket.cloudtrail -> aws_s3_bucket.logging (logging)'
      ])
      expect(asset(map, 'aws_cloudtrail.cloudtrail')).toMatchObject({ kind: 'log', serviceId: 'aws-cloudtrail', account: '622401240280' })
    })

    it('SQS with KMS (TF 0.12): a key given by reference and a literal key id both mean encrypted', async () => {
      const map = await readInfrastructureFile(shared('terraform-json/terraform-compliance_issue-260_sqs-kms_tf0.12_plan.json'))
      expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([3, 0, 1])
      expect(asset(map, 'aws_sqs_queue.failure').encryptedAtRest).toBe(true)
      expect(asset(map, 'aws_sqs_queue.success').encryptedAtRest).toBe(true)
      expect(edges(map)).toEqual(['aws_sqs_queue.failure -> aws_kms_key.test (reference)'])
    })
  })

  it('Terraform show -json of a state (TF 0.14): count and for_each addresses, a database three modules deep in six subnets', async () => {
    const map = await readInfrastructureFile(shared('terraform-json/infracost_db-instances-default-vpc_tf0.14_show-state.json'))
    expect(map.format).toBe('terraform-show-state')
    // 6 instances, the database, its monitoring role and the shared security group (known only by its id).
    expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([9, 8, 0])
    expect(map.assets.filter(a => a.kind === 'instance').map(a => a.name)).toEqual([
      'aws_instance.instance_1',
      'aws_instance.instance_counted[0]',
      'aws_instance.instance_named["test.1"]',
      'module.instances.aws_instance.module_instance_1',
      'module.instances.aws_instance.module_instance_counted[0]',
      'module.instances.aws_instance.module_instance_named["test.1"]'
    ])
    for (const instance of map.assets.filter(a => a.kind === 'instance')) expect(instance.zoneKeys).toEqual(['aws:subnet:subnet-286f234e'])
    const db = asset(map, 'module.db.module.db_1.module.db_instance.aws_db_instance.this[0]')
    expect(db).toMatchObject({ key: 'arn:aws:rds:us-east-1:123123123123:db:demodb', encryptedAtRest: false, publicAccess: false })
    expect(db.zoneKeys).toHaveLength(6)
    // Both modules' default VPC is one zone; the state says nothing about the group's rules, so no reachability is drawn.
    expect(map.zones.filter(z => z.kind === 'vpc').map(z => z.key)).toEqual(['aws:vpc:vpc-1b20b966'])
    expect(asset(map, 'sg-5277e14a').kind).toBe('security-group')
  })

  describe('raw terraform.tfstate v4', () => {
    it("inframap's state: the edges its own test asserts (internet → lb → launch template → database, through security groups)", async () => {
      const map = await readInfrastructureFile(shared('terraform-tfstate/inframap_lb-launchtemplate-rds-sg_v4.tfstate.json'))
      expect(map.format).toBe('terraform-tfstate')
      expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([7, 0, 3])
      expect(edges(map)).toEqual([
        'Internet -> module.lemp.aws_lb.tQBgz (network)',
        'module.lemp.aws_launch_template.vIkyE -> module.lemp.aws_db_instance.Cpbzf[0] (network)',
        'module.lemp.aws_lb.tQBgz -> module.lemp.aws_launch_template.vIkyE (network)'
      ])
      expect(map.flows.find(f => f.fromKey === 'internet')?.label).toBe('tcp/443; tcp/80')
      expect(asset(map, 'module.lemp.aws_lb.tQBgz').publicAccess).toBe(true)
    })

    it("driftctl's state: two buckets each notify two Lambda functions the file does not describe", async () => {
      const map = await readInfrastructureFile(shared('terraform-tfstate/driftctl_s3-notifications-to-lambda_v4.tfstate'))
      expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([5, 1, 4])
      expect(edges(map)).toEqual([
        'aws_s3_bucket.bucket -> example_lambda_name1 (event-notification)',
        'aws_s3_bucket.bucket -> example_lambda_name2 (event-notification)',
        'aws_s3_bucket.bucket3 -> example_lambda_name1 (event-notification)',
        'aws_s3_bucket.bucket3 -> example_lambda_name2 (event-notification)'
      ])
      expect(asset(map, 'example_lambda_name1')).toMatchObject({
        key: 'arn:aws:lambda:eu-west-3:526954929923:function:example_lambda_name1',
        kind: 'function',
        serviceId: 'aws-lambda',
        zoneKeys: ['aws:account:526954929923']
      })
      expect(map.flows.map(f => f.label).sort()).toEqual([
        's3:ObjectCreated:* (prefix AWSLogs/, suffix .log)',
        's3:ObjectCreated:* (prefix AWSLogs/, suffix .log)',
        's3:ObjectCreated:* (prefix OtherLogs/, suffix .log)',
        's3:ObjectCreated:* (prefix OtherLogs/, suffix .log)'
      ])
      expect(map.warnings.some(w => /2 resources are named by other resources but not described/.test(w))).toBe(true)
    })
  })

  describe('CloudFormation and SAM', () => {
    it('SAM s3-sqs-lambda: SourceBucket → ResizerQueue → ResizerFunction → DestinationBucket', async () => {
      const map = await readInfrastructureFile(shared('cloudformation/serverless-patterns_s3-sqs-lambda_sam.template.yaml'))
      expect(map.format).toBe('cloudformation')
      expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([4, 0, 5])
      expect(edges(map)).toEqual([
        'DestinationBucket -> ResizerFunction (reference)',
        'ResizerFunction -> DestinationBucket (reference)',
        'ResizerQueue -> ResizerFunction (event-source-mapping)',
        'SourceBucket -> ResizerFunction (reference)',
        'SourceBucket -> ResizerQueue (event-notification)'
      ])
      expect(map.flows.find(f => f.kind === 'event-notification')?.label).toBe('s3:ObjectCreated:* (suffix .jpg)')
      // The policy templates name the buckets through the parameters the buckets take their names from.
      expect(
        map.flows
          .filter(f => f.kind === 'reference')
          .map(f => f.label)
          .sort()
      ).toEqual(['S3CrudPolicy', 'S3CrudPolicy', 'S3ReadPolicy'])
    })

    it('HIPAA Quick Start application: internet → rELBWeb → web ASG → rELBApp → app ASG → RDS, in placeholder zones for the parameter VPC and subnets', async () => {
      const map = await readInfrastructureFile(shared('cloudformation/hipaa-quickstart_application_elb-asg-rds.template.yaml'))
      expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([20, 7, 13])
      const chain = edges(map)
      for (const link of [
        'Internet -> rELBWeb (network)',
        'rELBWeb -> rAutoScalingGroupWeb (load-balancer-target)',
        'rAutoScalingGroupWeb -> rELBApp (reference)',
        'rELBApp -> rAutoScalingGroupApp (load-balancer-target)',
        'rAutoScalingGroupApp -> rRDSInstanceMySQL (network)'
      ]) {
        expect(chain).toContain(link)
      }
      expect(chain.filter(e => e.endsWith('rRDSInstanceMySQL (network)'))).toEqual([
        'rAutoScalingGroupApp -> rRDSInstanceMySQL (network)',
        'rPostProcInstance -> rRDSInstanceMySQL (network)',
        'rPreProcInstance -> rRDSInstanceMySQL (network)'
      ])
      const vpc = zone(map, 'pProductionVPC')
      expect(vpc).toMatchObject({ key: 'cfn:param:pProductionVPC', kind: 'vpc', placeholder: true })
      const subnets = ['pDMZSubnetA', 'pDMZSubnetB', 'pAppPrivateSubnetA', 'pAppPrivateSubnetB', 'pDBPrivateSubnetA', 'pDBPrivateSubnetB']
      for (const name of subnets) expect(zone(map, name)).toMatchObject({ kind: 'subnet', placeholder: true, parentKey: vpc.key })
      expect(zoneNames(map, 'rRDSInstanceMySQL')).toEqual(['pDBPrivateSubnetA', 'pDBPrivateSubnetB'])
      expect(zoneNames(map, 'rAutoScalingGroupWeb')).toEqual(['pDMZSubnetA', 'pDMZSubnetB'])
      expect(asset(map, 'rRDSInstanceMySQL')).toMatchObject({ encryptedAtRest: true, attributes: { engine: 'MariaDB', multiAz: 'true' } })
      expect(asset(map, 'rELBWeb').publicAccess).toBe(true)
      expect(asset(map, 'rELBApp').publicAccess).toBe(false)
      expect(map.flows.find(f => f.kind === 'load-balancer-target')).toMatchObject({ label: 'TCP 80, TCP 443', encryptedInTransit: null })
    })

    it('HIPAA Quick Start management VPC: peering routes both ways, NAT and internet routes, conditions kept', async () => {
      const map = await readInfrastructureFile(shared('cloudformation/hipaa-quickstart-common_vpc-management.template'))
      expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([10, 6, 12])
      expect(edges(map, 'peering')).toEqual([
        'pProductionVPC -> rVPCManagement (peering)',
        'rManagementDMZSubnetA -> pProductionVPC (peering)',
        'rManagementDMZSubnetB -> pProductionVPC (peering)',
        'rManagementPrivateSubnetA -> pProductionVPC (peering)',
        'rManagementPrivateSubnetB -> pProductionVPC (peering)'
      ])
      expect(edges(map, 'route')).toEqual([
        'rIGWManagement -> Internet (route)',
        'rManagementDMZSubnetA -> rIGWManagement (route)',
        'rManagementDMZSubnetB -> rIGWManagement (route)',
        'rManagementPrivateSubnetA -> rNATGateway (route)',
        'rManagementPrivateSubnetB -> rNATGateway (route)'
      ])
      // The production side's route tables are parameters: the destination (the management CIDR) tells the direction.
      const back = map.flows.find(f => f.fromKey === 'cfn:param:pProductionVPC')
      expect(back?.label).toContain('10.10.0.0/16 via rPeeringConnectionProduction (if cCreatePeeringProduction)')
      expect(asset(map, 'rMgmtBastionInstance')).toMatchObject({
        attributes: { condition: 'cCreateBastionHost' },
        zoneKeys: [keyOf(map, 'rManagementDMZSubnetA')]
      })
      expect(asset(map, 'rNatInstanceTemplate')).toMatchObject({ kind: 'other', resourceType: 'AWS::CloudFormation::Stack' })
      expect(map.warnings.some(w => w.startsWith('rNatInstanceTemplate is a nested stack'))).toBe(true)
    })

    it('HIPAA Quick Start v2 entry point: six nested stacks, each its own asset with a warning', async () => {
      const map = await readInfrastructureFile(shared('cloudformation/hipaa-quickstart-v2_entrypoint.template.yaml'))
      expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([6, 0, 0])
      expect(map.assets.every(a => a.kind === 'other' && a.resourceType === 'AWS::CloudFormation::Stack')).toBe(true)
      expect(map.warnings.filter(w => /is a nested stack/.test(w))).toHaveLength(6)
    })

    it('HIPAA Quick Start v2 production VPC: two subnets and flow logs into its log group', async () => {
      const map = await readInfrastructureFile(shared('cloudformation/hipaa-quickstart-v2_prod-vpc.template.yaml'))
      expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([2, 3, 1])
      expect(edges(map)).toEqual(['ProductionVPC -> ProductionVPCFlowLogGroup (logging)'])
      expect(zone(map, 'ProductionCoreSubnet1').parentKey).toBe(keyOf(map, 'ProductionVPC'))
    })
  })

  describe('AWS Config', () => {
    it('the VPC, ALB and RDS items all meet in vpc-0990dc6d', async () => {
      const vpc = await readInfrastructureFile(shared('awsconfig/rdk_ci_AWS_EC2_VPC.json'))
      const alb = await readInfrastructureFile(shared('awsconfig/rdk_ci_AWS_ElasticLoadBalancingV2_LoadBalancer.json'))
      const rds = await readInfrastructureFile(shared('awsconfig/rdk_ci_AWS_RDS_DBInstance.json'))
      for (const map of [vpc, alb, rds]) {
        expect(map.format).toBe('aws-config')
        expect(map.zones.find(z => z.key === 'aws:vpc:vpc-0990dc6d')?.parentKey).toBe('aws:account:264683526309')
      }
      // The VPC item: 4 subnets, 2 instances, 15 security groups and the internet gateway it contains.
      expect([vpc.assets.length, vpc.zones.length, vpc.flows.length]).toEqual([18, 6, 0])
      expect(zone(vpc, 'vpc-0990dc6d')).toMatchObject({ placeholder: false, cidr: '172.31.0.0/16' })
      expect(asset(vpc, 'igw-a5f227c1').zoneKeys).toEqual(['aws:vpc:vpc-0990dc6d'])
      expect([alb.assets.length, alb.zones.length]).toEqual([2, 4])
      expect(zoneNames(alb, 'MyALB')).toEqual(['subnet-29428871', 'subnet-38c20312'])
      expect(asset(alb, 'MyALB').publicAccess).toBe(true)
      // RDS placement is only in configuration.dBSubnetGroup.
      expect([rds.assets.length, rds.zones.length, rds.flows.length]).toEqual([3, 6, 1])
      expect(zoneNames(rds, 'myrdstest')).toEqual(['subnet-29428871', 'subnet-32e85b44', 'subnet-38c20312', 'subnet-e83ba2d5'])
      expect(rds.zones.filter(z => z.kind === 'subnet').every(z => z.parentKey === 'aws:vpc:vpc-0990dc6d')).toBe(true)
      expect(asset(rds, 'myrdstest')).toMatchObject({ key: 'arn:aws:rds:us-east-1:264683526309:db:myrdstest', encryptedAtRest: true })
    })

    it('an EC2 instance item: its subnet in its VPC, its group and its volume', async () => {
      const map = await readInfrastructureFile(shared('awsconfig/rdk_ci_AWS_EC2_Instance.json'))
      expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([3, 3, 1])
      expect(zone(map, 'subnet-1aaccc7f').parentKey).toBe('aws:vpc:vpc-79b3ea1e')
      expect(zoneNames(map, 'i-03402838daac1d611')).toEqual(['subnet-1aaccc7f'])
      expect(edges(map)).toEqual(['i-03402838daac1d611 -> vol-0c24aa343c564eda8 (reference)'])
    })

    it('a snapshot file (ARN, name + direction, AWS::EC2::SUBNET in capitals): volume ↔ instance once, the instance in its subnet', async () => {
      const map = await readInfrastructureFile(shared('awsconfig/awsdocs_config-snapshot_example.json'))
      expect([map.assets.length, map.zones.length, map.flows.length]).toEqual([4, 3, 2])
      expect(edges(map)).toEqual(['i-344c463d -> vol-ce676ccc (reference)', 'i-344c463d -> vol-ef0e06ed (reference)'])
      expect(zoneNames(map, 'i-344c463d')).toEqual(['subnet-47b4cf2c'])
      expect(zone(map, 'subnet-47b4cf2c').parentKey).toBe('aws:vpc:vpc-41b4cf2a')
    })
  })

  it('Security Hub findings: the instance they name, placed in the VPC and subnet their details give', async () => {
    const findings = JSON.parse(fs.readFileSync(shared('securityhub/defectdojo_get-findings_inspector_ec2_vpc-subnet.json'), 'utf8')) as {
      Findings: {
        AwsAccountId: string
        Resources: { Id: string; Type: string; Region: string; Details?: { AwsEc2Instance?: { VpcId?: string; SubnetId?: string } } }[]
      }[]
    }
    const resources: ScannerResource[] = findings.Findings.flatMap(f =>
      f.Resources.map(r => ({
        resourceId: r.Id,
        resourceType: r.Type,
        account: f.AwsAccountId,
        region: r.Region,
        vpcId: r.Details?.AwsEc2Instance?.VpcId ?? null,
        subnetId: r.Details?.AwsEc2Instance?.SubnetId ?? null
      }))
    )
    expect(resources).toHaveLength(5)
    const map = assetsFromScannerResources(resources)
    // Five findings on one instance (one with the account number unredacted): one asset, keyed by its instance id.
    expect(map.assets.map(a => [a.key, a.kind, a.serviceId])).toEqual([['aws:ec2:i-11111111111111111', 'instance', 'aws-ec2']])
    expect(map.assets[0]?.zoneKeys).toEqual(['aws:subnet:subnet-11111111111111111'])
    expect(zone(map, 'subnet-11111111111111111').parentKey).toBe('aws:vpc:vpc-11111111111111111')
  })
})
